// vigil_e2e_software_key: the vigil program of a test build, with a software security key instead of
// libfido2 (VIGIL_TEST_SECURITY_KEY_FILE holds its credentials). The end-to-end tests run it; it is
// never installed, and the shipped vigil has no way to reach a software key.
#include "SoftwareKeyAuthenticator.h"
#include "app/VigilMain.h"

int main(int argc, char* argv[])
{
    const QString keyFile = qEnvironmentVariable("VIGIL_TEST_SECURITY_KEY_FILE");
    return vigil::runVigil(argc, argv, [keyFile] { return std::make_unique<SoftwareKeyAuthenticator>(keyFile); });
}
