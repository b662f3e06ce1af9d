// vigil: the program, with the security keys this system offers.
#include "app/VigilMain.h"
#include "core/securitykeys/PlatformAuthenticator.h"

int main(int argc, char* argv[])
{
    return vigil::runVigil(argc, argv, vigil::createPlatformAuthenticator);
}
