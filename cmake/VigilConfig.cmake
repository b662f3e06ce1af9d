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
target_compile_options(vigil_config INTERFACE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wshadow=local)
if(VIGIL_WERROR)
    target_compile_options(vigil_config INTERFACE -Werror)
endif()
if(VIGIL_SANITIZE)
    target_compile_options(vigil_config INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(vigil_config INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(vigil_config INTERFACE $<$<CONFIG:Debug>:QT_FORCE_ASSERTS> _GLIBCXX_ASSERTIONS)
