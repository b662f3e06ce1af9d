# Installing and packaging Vigil for Debian-like systems (included from the top-level CMakeLists.txt).
# Two install components become two .deb packages (`cpack -G DEB`, or tools/package):
#   app   -> vigil        the desktop app, its menu entry, AppStream metainfo, icons and man page
#   mockd -> vigil-mockd  the mock account service alone (demo mode, QA machines), its GeoIP demo
#                         database and man page
# The binaries' install() rules sit next to their targets (app/, mock-server/); everything else is
# here and in resources/CMakeLists.txt. docs/install.md describes the result.
set(VIGIL_APP_ID io.github.vigil.Vigil) # as QApplication::setDesktopFileName in app/VigilMain.cpp
# The licence is declared in packaging/debian/copyright-* (DEP-5) and in the metainfo's
# <project_license> (GPL-3.0-or-later); LICENSE at the top holds its text. Change all three together.

# Directories the packages create must be 0755 whatever the builder's umask is (lintian
# non-standard-dir-perm).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

add_subdirectory(${PROJECT_SOURCE_DIR}/resources ${PROJECT_BINARY_DIR}/resources)

# vigil-mockd looks for the demo GeoIP database next to itself (build tree) and in
# <bin>/../share/vigil-mockd/ (installed tree, mock-server/geo/GeoIpReader.cpp).
install(FILES ${VIGIL_GEOIP_DEMO_DB} DESTINATION share/vigil-mockd COMPONENT mockd)

# Debian wants man pages and (a native package's) changelog compressed with
# gzip -9n: no name or time stamp in the header, so the package is reproducible.
find_program(VIGIL_GZIP gzip REQUIRED)
set(pkg_dir ${CMAKE_CURRENT_LIST_DIR})
set(pkg_out ${PROJECT_BINARY_DIR}/packaging)
set(pkg_gzipped)
function(vigil_gzip source output)
    get_filename_component(name ${output} NAME_WLE)
    add_custom_command(
        OUTPUT ${pkg_out}/${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${pkg_out}/gz
        COMMAND ${CMAKE_COMMAND} -E copy ${source} ${pkg_out}/gz/${name}
        COMMAND ${VIGIL_GZIP} -9nf ${pkg_out}/gz/${name}
        DEPENDS ${source}
        VERBATIM)
    set(pkg_gzipped ${pkg_gzipped} ${pkg_out}/${output} PARENT_SCOPE)
endfunction()
vigil_gzip(${pkg_dir}/man/vigil.1 gz/vigil.1.gz)
vigil_gzip(${pkg_dir}/man/vigil-mockd.1 gz/vigil-mockd.1.gz)
vigil_gzip(${pkg_dir}/debian/changelog gz/changelog.gz)
add_custom_target(vigil_packaging_docs ALL DEPENDS ${pkg_gzipped})

install(FILES ${pkg_out}/gz/vigil.1.gz DESTINATION share/man/man1 COMPONENT app)
install(FILES ${pkg_out}/gz/vigil-mockd.1.gz DESTINATION share/man/man1 COMPONENT mockd)
install(FILES ${pkg_dir}/debian/copyright-vigil DESTINATION share/doc/vigil RENAME copyright COMPONENT app)
install(FILES ${pkg_dir}/debian/copyright-vigil-mockd DESTINATION share/doc/vigil-mockd RENAME copyright
        COMPONENT mockd)
install(FILES ${pkg_out}/gz/changelog.gz DESTINATION share/doc/vigil COMPONENT app)
install(FILES ${pkg_out}/gz/changelog.gz DESTINATION share/doc/vigil-mockd COMPONENT mockd)

# ---- CPack: Debian packages ------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME vigil)
set(CPACK_PACKAGE_VENDOR "Vigil Developers")
set(CPACK_PACKAGE_CONTACT "Vigil Developers <vigil-app@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/vigil-app/vigil")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its CPACK_DEBIAN_<COMPONENT>_DESCRIPTION. CPackDeb
# prepends CPACK_PACKAGE_DESCRIPTION_SUMMARY to both unless it is CPack's own default, so keep that.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_STRIP_FILES ON) # the ci preset is RelWithDebInfo; lintian: unstripped-binary-or-object
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL app mockd)
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # vigil_0.1.0_amd64.deb, vigil-mockd_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SOURCE vigil) # both come from one source, and share its changelog
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_APP_PACKAGE_NAME vigil)
set(CPACK_DEBIAN_APP_DESCRIPTION
    "see every device on your account and sign any of them out
Vigil is a desktop app for the holder of a subscription account with
household profiles, the kind a streaming service has. It lists every device
signed in to the account, live, with where and when it was last used, and
signs any of them out safely, with re-authentication where it matters.

Demo mode (vigil --demo, or the first start with no server configured)
starts the bundled mock account service from the vigil-mockd package and
signs in to a demo household, so Vigil can be tried with no network at all.")
# Recommends, not Depends: Vigil is complete against a real account server and says plainly when
# the demo service is missing; apt installs recommended packages by default, and
# `apt-get install ./vigil_*.deb` alone still works when only the app's file is at hand.
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "vigil-mockd (= ${PROJECT_VERSION})")
# "Remember me" keeps the refresh token through QtKeychain in a Secret Service or KWallet.
set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager")

set(CPACK_DEBIAN_MOCKD_PACKAGE_NAME vigil-mockd)
set(CPACK_DEBIAN_MOCKD_DESCRIPTION
    "mock account service for Vigil (demo mode and testing)
vigil-mockd is a complete mock of the account service Vigil manages: REST
and an event WebSocket on loopback, an SQLite store, argon2id password
hashes, rotating refresh tokens, two-step sign-in, GeoIP locations from a
bundled demo database, scenarios, an admin API and simulated devices.

Vigil starts it for demo mode; on its own it serves QA machines and test
rigs.")
# Qt loads its SQLite driver as a plugin, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_MOCKD_PACKAGE_DEPENDS "libqt6sql6-sqlite")

include(CPack)
cpack_add_component(app DISPLAY_NAME "Vigil")
cpack_add_component(mockd DISPLAY_NAME "vigil-mockd")
