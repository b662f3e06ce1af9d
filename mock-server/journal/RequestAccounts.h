#pragma once

#include "http/HttpRequest.h"

namespace mockd {

class Store;

// Which account a request acts for, for fault rules and the journal: the owner of its bearer access
// token, else the account named by its JSON body ("email" of a sign-in, the session of a
// "refresh_token"). Read-only: nothing is authenticated, counted or audited.
namespace RequestAccounts {

// The account's email, or empty when the request names none that exists.
QString emailOf(const Store& store, const HttpRequest& request);

} // namespace RequestAccounts

} // namespace mockd
