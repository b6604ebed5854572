@echo off
rem xxgk launcher for Windows: builds the jar on first use, then runs it.
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "JAR=%HERE%target\xxgk.jar"
rem The release bundle: lib\xxgk.jar, run with Java only (no Maven).
if not exist "%HERE%pom.xml" set "JAR=%HERE%lib\xxgk.jar"
where java >nul 2>nul
if errorlevel 1 (
  echo 错误：找不到 Java。xxgk 需要 Java 17 或更新版本；只需安装 JRE（如 Eclipse Temurin 17 JRE，https://adoptium.net/）。 1>&2
  exit /b 70
)
if not exist "%JAR%" if not exist "%HERE%pom.xml" (
  echo 错误：找不到 %JAR%：发布包不完整，请重新解压。 1>&2
  exit /b 70
)
if not exist "%JAR%" (
  echo xxgk: building on first use, this needs Maven and takes about a minute... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  popd
  if not exist "%JAR%" exit /b 70
)
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %XXGK_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
