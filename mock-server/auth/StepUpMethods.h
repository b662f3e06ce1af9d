#pragma once

#include <QStringList>

namespace mockd {

class Store;
struct Account;

namespace StepUpMethods {

// The step-up methods `account` can use now (what POST /v1/step-up accepts for it), strongest first:
// security_key (with a key), password (always), totp, email, sms (verified number, codes on),
// recovery (unused codes left).
QStringList available(const Store& store, const Account& account);

} // namespace StepUpMethods

} // namespace mockd
