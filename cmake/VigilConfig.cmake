# One INTERFACE target carries the language level, Qt hygiene defines and warnings for every
# Vigil target (the qBittorrent CommonConfig idea).
add_library(vigil_config INTERFACE)
target_compile_features(vigil_config INTERFACE cxx_std_20)
target_compile_definitions(vigil_config INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    VIGIL_VERSION="${PROJECT_VERSION}")
if(MSVC)
    # UTF-8 sources (tr() texts with "…"), standard conformance, and std::min/max not shadowed by windows.h.
    target_compile_options(vigil_config INTERFACE /W4 /permissive- /Zc:__cplusplus /utf-8)
    target_compile_definitions(vigil_config INTERFACE NOMINMAX)
    if(VIGIL_WERROR)
        target_compile_options(vigil_config INTERFACE /WX)
    endif()
else()
    target_compile_options(vigil_config INTERFACE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(vigil_config INTERFACE -Wshadow=local) # GCC only; clang has no =local
    endif()
    if(VIGIL_WERROR)
        target_compile_options(vigil_config INTERFACE -Werror)
    endif()
endif()
if(VIGIL_SANITIZE)
    target_compile_options(vigil_config INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(vigil_config INTERFACE -fsanitize=address,undefined)
endif()
if(VIGIL_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "VIGIL_FUZZ needs clang (libFuzzer); use the fuzz preset")
    endif()
    # Coverage for libFuzzer in every library; the fuzz executables add -fsanitize=fuzzer (main) at link.
    # Assertions on, and any UB aborts, so the fuzzer sees it as a crash.
    target_compile_options(vigil_config INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                  -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(vigil_config INTERFACE -fsanitize=address,undefined)
    target_compile_definitions(vigil_config INTERFACE QT_FORCE_ASSERTS)
endif()
target_compile_definitions(vigil_config INTERFACE $<$<CONFIG:Debug>:QT_FORCE_ASSERTS> _GLIBCXX_ASSERTIONS)

# The linker: mold, else lld, else the system's. Every test is its own executable (about 160 per
# build), and with GNU ld linking them takes minutes of CI time (unit_api_client under ASan: 3.3 s
# with ld.bfd, 1.1 s with lld, 0.7 s with mold).
if(NOT MSVC AND NOT DEFINED VIGIL_LINKER)
    include(CheckLinkerFlag)
    foreach(linker mold lld)
        check_linker_flag(CXX "-fuse-ld=${linker}" VIGIL_HAS_LINKER_${linker})
        if(VIGIL_HAS_LINKER_${linker})
            set(VIGIL_LINKER ${linker} CACHE STRING "The linker (-fuse-ld=): mold, lld, or empty for the default")
            break()
        endif()
    endforeach()
endif()
if(VIGIL_LINKER)
    target_link_options(vigil_config INTERFACE -fuse-ld=${VIGIL_LINKER})
endif()
