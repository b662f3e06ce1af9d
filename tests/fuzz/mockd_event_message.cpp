// vigil-mockd's event socket (mock-server/events): one text message a client sends on /v1/events,
// as EventHub reads it before deciding (auth, ping, or close the socket).
#include "FuzzSupport.h"
#include "events/EventMessage.h"
#include "events/ResumePosition.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace mockd;
    // The socket hands over the message as text (Qt has decoded the UTF-8 already).
    const EventMessage message = EventMessage::read(QString::fromUtf8(vigil::fuzz::bytes(data, size)));
    if (message.kind != EventMessage::Kind::Auth && (!message.token.isEmpty() || message.resumeFrom))
        vigil::fuzz::broken("a message that is not auth carries a token or resume_from");
    if (message.resumeFrom && (*message.resumeFrom < 0 || *message.resumeFrom > ResumePosition::maximum))
        vigil::fuzz::broken("a resume_from that is no seq");
    if (message.resumeFrom && message.resumeInvalid)
        vigil::fuzz::broken("a resume_from both read and refused");
    // What EventHub does with the token next.
    (void)(QByteArrayLiteral("Bearer ") + message.token.toLatin1());
    return 0;
}
