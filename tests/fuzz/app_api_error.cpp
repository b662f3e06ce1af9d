// The app's reading of error answers (core/api/ApiError): any status, any body, any Retry-After,
// and the texts the UI shows for them. Input: a first line "<status> <Retry-After value>", then
// the body; without a newline the whole input is the body of a 400.
#include "FuzzSupport.h"
#include "core/api/ApiError.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using vigil::ApiError;
    const QByteArray input = vigil::fuzz::bytes(data, size);
    int status = 400;
    QByteArray retryAfter;
    QByteArray body = input;
    if (const qsizetype newline = input.indexOf('\n'); newline >= 0) {
        const QByteArray first = input.left(newline);
        body = input.mid(newline + 1);
        const qsizetype space = first.indexOf(' ');
        status = (space < 0 ? first : first.left(space)).toInt();
        retryAfter = space < 0 ? QByteArray() : first.mid(space + 1);
    }
    const ApiError error = ApiError::fromHttpResponse(status, body, retryAfter);
    if (error.httpStatus() != status)
        vigil::fuzz::broken("the status is not kept");
    if (error.retryAfterSeconds() && *error.retryAfterSeconds() < 0)
        vigil::fuzz::broken("a negative wait");
    if (error.attemptsLeft() && *error.attemptsLeft() < 0)
        vigil::fuzz::broken("negative attempts left");
    if (error.message().isEmpty() || error.suggestedAction().isEmpty())
        vigil::fuzz::broken("an error without a text for people");
    (void)error.userText();
    (void)error.endsSession();
    (void)error.isTransient();
    if (ApiError::codeFromString(ApiError::codeName(error.code())) != error.code() &&
        error.code() != ApiError::Code::Unknown)
        vigil::fuzz::broken("a code name does not read back as its code");
    return 0;
}
