@echo off
rem xxgk launcher for Windows: builds the jar on first use, then runs it.
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "JAR=%HERE%target\xxgk.jar"
if not exist "%JAR%" (
  echo xxgk: building on first use, this needs Maven and takes about a minute... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  popd
  if not exist "%JAR%" exit /b 70
)
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %XXGK_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
