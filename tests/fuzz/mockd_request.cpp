// vigil-mockd's request path (mock-server/http): raw request bytes → the head as BodyLimitGuard
// reads it (RequestHead) → HttpRequest → HttpServer::dispatch: size limit, admin gate (AdminGuard),
// routing (Router, over every path and method of api/openapi.yaml), bearer tokens
// (TokenAuthenticator), JSON body (JsonBody), field reading (FieldReader) and the query string.
// The real admin routes for faults and the request journal answer their paths; every other route
// reads its body and query generically. Routes that hash passwords are not here: argon2id at 19 MiB
// would make each run a thousand times slower, and their bodies go through the same JsonBody and
// FieldReader.
#include "FuzzSupport.h"
#include "admin/AdminGuard.h"
#include "auth/TokenAuthenticator.h"
#include "base/Clock.h"
#include "faults/FaultInjector.h"
#include "faults/FaultRoutes.h"
#include "http/FieldReader.h"
#include "http/HttpServer.h"
#include "http/RequestHead.h"
#include "http/Router.h"
#include "journal/JournalRoutes.h"
#include "journal/RequestJournal.h"
#include "log/RequestLog.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace {

using namespace mockd;

// Two made-up tokens stand for a signed-in holder and support agent, so the fuzzer gets past the
// token check; every other Authorization header goes to the real TokenAuthenticator.
class FuzzAuthenticator final : public Authenticator
{
public:
    explicit FuzzAuthenticator(Authenticator& real) : m_real(real) {}

    Expected<Principal, ApiError> authenticate(const HttpRequest& request) override
    {
        auto result = m_real.authenticate(request);
        const QByteArray header = request.header("authorization");
        if (header == "Bearer fuzz-holder")
            return Principal{QStringLiteral("acc_1"), QStringLiteral("ses_1"), QStringLiteral("dev_1"), Role::Holder};
        if (header == "Bearer fuzz-support")
            return Principal{QStringLiteral("acc_2"), QStringLiteral("ses_2"), QStringLiteral("dev_2"), Role::Support};
        return result;
    }

private:
    Authenticator& m_real;
};

class CapturingSlot final : public ResponseSlot
{
public:
    void send(const HttpResponse& response) override { responses.append(response); }
    QList<HttpResponse> responses;
};

// Reads every field the way handlers do: each type, nested objects with their "parent.child" names.
void readFields(FieldReader& reader, const QJsonObject& object, int depth)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString& key = it.key();
        (void)reader.has(key);
        switch (it.value().type()) {
        case QJsonValue::String:
            (void)reader.string(key);
            (void)reader.string(key, {.required = false, .minLength = 0, .maxLength = 64, .trim = true});
            (void)reader.string(key, {.maxLength = 16, .oneOf = {QStringLiteral("tv"), QStringLiteral("phone")}});
            break;
        case QJsonValue::Double:
            (void)reader.integer(key, true, 0, 1000);
            (void)reader.integer(key, false, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
            break;
        case QJsonValue::Bool:
            (void)reader.boolean(key, true);
            break;
        case QJsonValue::Object:
            if (depth < 8) {
                FieldReader child = reader.object(key, true);
                readFields(child, it.value().toObject(), depth + 1);
            }
            break;
        default:
            (void)reader.string(key, {.required = false});
            (void)reader.boolean(key, false);
            break;
        }
    }
}

void genericHandler(const RequestContext& context)
{
    FieldReader body(context.body);
    readFields(body, context.body, 0);
    for (const auto& [name, value] : context.params)
        (void)context.param(name);
    const QUrlQuery query = context.request.queryItems();
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded))
        (void)query.allQueryItemValues(name);
    if (!body.ok())
        return context.fail(*body.error());
    context.respond(HttpResponse::jsonBody(QByteArrayLiteral("{}")));
}

// Every path and method of the contract, read line by line ("  /v1/devices/{id}:" then "    get:").
void addContractRoutes(Router& router)
{
    QFile file(QStringLiteral(VIGIL_SOURCE_DIR "/api/openapi.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        vigil::fuzz::broken("cannot read api/openapi.yaml");
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    static const QRegularExpression methodLine(QStringLiteral("^    (get|post|put|patch|delete):\\s*$"));
    QString path;
    int added = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        if (const auto match = pathLine.match(line); match.hasMatch()) {
            path = match.captured(1);
            continue;
        }
        const auto match = methodLine.match(line);
        if (path.isEmpty() || !match.hasMatch())
            continue;
        const QByteArray method = match.captured(1).toUpper().toLatin1();
        const bool admin = path.startsWith(QLatin1String("/__admin"));
        const bool open = path.startsWith(QLatin1String("/v1/auth/"));
        RouteOptions options{admin  ? Access::admin()
                             : open ? Access::publicRoute()
                                    : Access::roles({Role::Holder, Role::Support}),
                             method != "GET" && method != "DELETE"};
        // The real fault and journal routes came first; the contract's copy of them is refused.
        added += router.add(method, path, options, genericHandler) ? 1 : 0;
    }
    if (added < 20)
        vigil::fuzz::broken("api/openapi.yaml gave too few routes");
}

struct Service
{
    Clock clock;
    std::FILE* devNull = std::fopen("/dev/null", "w");
    RequestLog log{clock, devNull};
    std::unique_ptr<Store> store;
    std::unique_ptr<TokenAuthenticator> tokens;
    std::unique_ptr<FuzzAuthenticator> authenticator;
    AdminGuard admin{QStringLiteral("fuzz-admin-key-0123456789")};
    FaultInjector faults{clock, [](const HttpRequest&) { return QString(); }};
    FaultRoutes faultRoutes{faults};
    RequestJournal journal{clock, [](const HttpRequest& r) { return QString::fromLatin1(r.header("x-account")); }};
    JournalRoutes journalRoutes{journal};
    Router router;
    std::unique_ptr<HttpServer> http;
};

Service* g_service = nullptr;

HttpRequest toRequest(const QByteArray& input)
{
    const qsizetype end = input.indexOf("\r\n\r\n");
    const QByteArray headBlock = end < 0 ? input : input.left(end);
    const RequestHead head = RequestHead::parse(headBlock);
    HttpRequest request;
    request.method = head.method;
    const QUrl url = QUrl::fromEncoded(head.target);
    request.path = url.path(QUrl::FullyEncoded);
    request.query = url.query(QUrl::FullyEncoded);
    const QList<QByteArray> lines = headBlock.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    request.body = end < 0 ? QByteArray() : input.mid(end + 4);
    request.peer = QHostAddress(QHostAddress::LocalHost);
    return request;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    g_service = new Service;
    auto store = Store::open(QStringLiteral(":memory:"));
    if (!store)
        vigil::fuzz::broken("cannot open an in-memory store");
    g_service->store = std::move(*store);
    g_service->tokens = std::make_unique<TokenAuthenticator>(*g_service->store, g_service->clock);
    g_service->authenticator = std::make_unique<FuzzAuthenticator>(*g_service->tokens);
    g_service->faultRoutes.registerRoutes(g_service->router);
    g_service->journalRoutes.registerRoutes(g_service->router);
    addContractRoutes(g_service->router);
    g_service->http = std::make_unique<HttpServer>(g_service->router, g_service->log);
    g_service->http->setAuthenticator(g_service->authenticator.get());
    g_service->http->setAdminAuthorizer(&g_service->admin);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Service& service = *g_service;
    const HttpRequest request = toRequest(vigil::fuzz::bytes(data, size));
    service.journal.answered(request, 200, 0, nullptr); // so GET /__admin/requests has something to list
    auto slot = std::make_shared<CapturingSlot>();
    int completed = 0;
    service.http->dispatch(request, Responder(slot, [&completed](int) { ++completed; }));
    if (slot->responses.size() != 1 || completed != 1)
        vigil::fuzz::broken("a request was not answered exactly once");
    const HttpResponse& response = slot->responses.constFirst();
    if (response.status < 200 || response.status > 599)
        vigil::fuzz::broken("an answer with an impossible status");
    (void)response.toWire(true);
    service.faults.clear();
    service.journal.clear();
    service.log.flush();
    return 0;
}
