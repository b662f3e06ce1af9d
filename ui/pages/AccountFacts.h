#pragma once

#include "ui/main/Section.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QFormLayout;
class QLabel;

namespace vigil {

class AccountService;
class LoadState;
class SectionNavigator;
struct AccountOverview;

// The shared shape of the pages that, for now, show facts from the account overview: a header, a
// loading/error state, and a form of labelled facts with a note under it. Each page says which
// facts through its fill function. With an empty title there is no header: the page has its own.
class AccountFacts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountFacts)

public:
    using Fill = std::function<void(AccountFacts& facts, const AccountOverview& overview)>;

    // `navigator` takes the note's links to their sections.
    AccountFacts(AccountService* account,
                 SectionNavigator* navigator,
                 const QString& title,
                 const QString& summary,
                 Fill fill,
                 QWidget* parent = nullptr);
    ~AccountFacts() override;

    // For the fill function: one labelled fact (created on first use, updated after).
    void setFact(const QString& label, const QString& value, const QString& accessibleName = {});
    // A paragraph under the facts; its links (linkTo(section)) open that section.
    void setNote(const QString& html);

private:
    void render();

    AccountService* m_account;
    Fill m_fill;
    LoadState* m_state;
    QFormLayout* m_form;
    QLabel* m_note;
    QHash<QString, QLabel*> m_values;
};

} // namespace vigil
