#pragma once

#include "faults/FaultRule.h"
#include "http/RequestHooks.h"
#include "store/FaultRuleTable.h"

#include <QJsonArray>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace mockd {

class Clock;
class Store;

// The fault rules in force, in the order they were added. For each request outside the admin API
// the first rule whose method, path and account match — and whose probability roll succeeds —
// applies; a rule with `times` is removed after its last application. Each rule rolls its own
// random generator, seeded from `seed` when given, so a seeded rule makes the same decisions (and
// the same garbage) for the same sequence of matching requests.
// Once shared(), the rules live in the database too: every vigil-mockd on it applies the same rules,
// a rule with `times` is used up across all of them, and each reloads the rules when another says
// ("faults" on the store's change feed). `applied` of a rule without `times` counts this instance's.
class FaultInjector final : public FaultSource
{
public:
    // The account (normalized email) a request acts for, or empty; asked only for rules that name one.
    using AccountResolver = std::function<QString(const HttpRequest& request)>;

    static constexpr qsizetype maxRules = 1000;

    FaultInjector(const Clock& clock, AccountResolver resolver);
    ~FaultInjector() override;
    FaultInjector(const FaultInjector&) = delete;
    FaultInjector& operator=(const FaultInjector&) = delete;

    // Gives the rule its id and creation time; the stored rule as JSON, or nothing when full.
    std::optional<QJsonObject> add(FaultRule rule);
    bool remove(const QString& id);
    void clear();
    // Every rule with its counters ("applied", "remaining").
    QJsonArray list() const;

    std::optional<FaultPlan> faultFor(const HttpRequest& request) override;

    // Keeps the rules in `store`, and takes those already there.
    void share(Store& store);
    // Reads the rules from the database again (another instance changed them). Rules this
    // instance knew keep their random generator.
    void reload();

private:
    struct Entry
    {
        FaultRule rule;
        std::mt19937_64 random;
        qint64 applied = 0;
    };
    static QJsonObject describe(const Entry& entry);
    static FaultPlan plan(Entry& entry);
    static std::unique_ptr<Entry> makeEntry(FaultRule rule);
    // Counts one use in the database; false when another instance used the rule up meanwhile.
    bool useShared(Entry& entry);
    void announce();

    const Clock& m_clock;
    AccountResolver m_resolver;
    Store* m_store = nullptr;
    std::optional<FaultRuleTable> m_table;
    std::vector<std::unique_ptr<Entry>> m_rules;
};

} // namespace mockd
