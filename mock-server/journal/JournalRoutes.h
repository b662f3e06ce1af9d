#pragma once

namespace mockd {

class RequestJournal;
class Router;
struct RequestContext;

// GET /__admin/requests?path=<glob>&since=<RFC 3339>&method=&account=&limit=N and
// DELETE /__admin/requests. The admin gate in HttpServer has already checked the key and the peer.
class JournalRoutes final
{
public:
    explicit JournalRoutes(RequestJournal& journal);
    JournalRoutes(const JournalRoutes&) = delete;
    JournalRoutes& operator=(const JournalRoutes&) = delete;

    void registerRoutes(Router& router);

private:
    void list(const RequestContext& context);
    void clear(const RequestContext& context);

    RequestJournal& m_journal;
};

} // namespace mockd
