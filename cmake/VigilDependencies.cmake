# Third-party C libraries, found the way each platform ships them, behind one target each:
#   vigil_sodium     libsodium     pkg-config (Debian, Homebrew) or vcpkg's unofficial-sodium package
#   vigil_maxminddb  libmaxminddb  pkg-config (Debian, Homebrew) or its own CMake package (vcpkg)
#   OpenSSL::Crypto  OpenSSL 3     CMake's FindOpenSSL (Debian libssl-dev, Homebrew, vcpkg): security-key
#                                  signatures (vigil-mockd verifies them, the tests' software key makes them)
find_package(PkgConfig QUIET)

add_library(vigil_sodium INTERFACE)
if(PkgConfig_FOUND)
    pkg_check_modules(SODIUM QUIET IMPORTED_TARGET GLOBAL libsodium)
endif()
if(TARGET PkgConfig::SODIUM)
    target_link_libraries(vigil_sodium INTERFACE PkgConfig::SODIUM)
else()
    find_package(unofficial-sodium CONFIG REQUIRED)
    target_link_libraries(vigil_sodium INTERFACE unofficial-sodium::sodium)
endif()

add_library(vigil_maxminddb INTERFACE)
if(PkgConfig_FOUND)
    pkg_check_modules(MAXMINDDB QUIET IMPORTED_TARGET GLOBAL libmaxminddb)
endif()
if(TARGET PkgConfig::MAXMINDDB)
    target_link_libraries(vigil_maxminddb INTERFACE PkgConfig::MAXMINDDB)
else()
    find_package(maxminddb CONFIG REQUIRED)
    target_link_libraries(vigil_maxminddb INTERFACE maxminddb::maxminddb)
endif()

find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
