# Precompiled headers: parsing Qt's headers is most of the time of a typical Vigil translation unit
# (TestApiClient.cpp: 10.7 CPU s without, 6.8 with), and CI builds the tree twice from scratch. Each
# library precompiles only headers of the Qt modules it links (so core still cannot see a QtGui
# header), and every test reuses one precompiled header (vigil_test_pch), which works because all
# tests are compiled with the same Qt modules' definitions (vigil_test_qt below).
#
# Sources must still include what they use: clang-tidy (tools/lint) and the fuzz build read them
# without the precompiled header. VIGIL_PCH=OFF builds without.
option(VIGIL_PCH "Precompile the common Qt and standard library headers" ON)

set(VIGIL_PCH_STD <algorithm> <chrono> <functional> <memory> <optional> <utility> <vector>)
set(VIGIL_PCH_CORE
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QFile> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QLocale> <QLoggingCategory> <QMap> <QObject> <QPointer>
    <QRegularExpression> <QSet> <QString> <QStringList> <QTimer> <QUrl> <QUrlQuery> <QVariant>)
set(VIGIL_PCH_NETWORK <QHostAddress> <QNetworkAccessManager> <QNetworkReply> <QNetworkRequest> <QTcpSocket>
    <QWebSocket>)
set(VIGIL_PCH_WIDGETS
    <QApplication> <QCheckBox> <QComboBox> <QDialog> <QFormLayout> <QHBoxLayout> <QLabel> <QLineEdit>
    <QMenu> <QPushButton> <QRadioButton> <QStackedWidget> <QVBoxLayout> <QWidget>)
set(VIGIL_PCH_SERVICE <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(VIGIL_PCH_TEST <QSignalSpy> <QTest>)

# vigil_precompile_headers(target SETS core network ...): the named header sets for one library.
function(vigil_precompile_headers target)
    if(NOT VIGIL_PCH)
        return()
    endif()
    cmake_parse_arguments(P "" "" "SETS" ${ARGN})
    set(headers ${VIGIL_PCH_STD})
    foreach(set IN LISTS P_SETS)
        string(TOUPPER "${set}" set)
        list(APPEND headers ${VIGIL_PCH_${set}})
    endforeach()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
