// vigil-mockd's scenario loader (mock-server/scenarios): a scenario file as --scenario or
// POST /__admin/scenario gives it. Reaches ScenarioReader, ScenarioAccountReader, the time and
// enum checks, and FaultRule::fromJson for the scenario's fault rules.
#include "FuzzSupport.h"
#include "scenarios/ScenarioLoader.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace mockd;
    const auto scenario = ScenarioLoader::parse(vigil::fuzz::bytes(data, size), QStringLiteral("fuzz.json"));
    if (!scenario) {
        // The messages quote parts of the file: they must be buildable whatever it holds.
        if (scenario.error().text().isEmpty() || scenario.error().withoutSource().isEmpty())
            vigil::fuzz::broken("a refused scenario without a message");
        return 0;
    }
    for (const ScenarioAccount& account : scenario->accounts) {
        if (scenario->account(account.account.email) == nullptr)
            vigil::fuzz::broken("an account of the scenario is not found by its email");
    }
    for (const FaultRule& rule : scenario->faults)
        (void)rule.toJson();
    return 0;
}
