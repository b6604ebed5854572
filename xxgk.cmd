@echo off
rem xxgk launcher for Windows: builds the jar on first use (in a source checkout), then runs it.
setlocal
rem Chinese messages and file names need UTF-8; the console's code page is put back at the end.
set "OLDCP="
for /f "tokens=2 delims=:." %%c in ('chcp') do set "OLDCP=%%c"
if defined OLDCP set "OLDCP=%OLDCP: =%"
chcp 65001 >nul
set "HERE=%~dp0"
set "JAR=%HERE%target\xxgk.jar"
set "CODE=0"
rem The release bundle: lib\xxgk.jar, run with Java only (no Maven).
if not exist "%HERE%pom.xml" set "JAR=%HERE%lib\xxgk.jar"
set "EN="
echo %* | findstr /c:"--lang en" /c:"--lang=en" >nul && set "EN=1"
where java >nul 2>nul
if errorlevel 1 (
  if defined EN (
    echo error: Java was not found. xxgk needs Java 17 or newer; a JRE is enough, e.g. Eclipse Temurin 17 JRE from https://adoptium.net/ 1>&2
  ) else (
    echo 错误：找不到 Java。xxgk 需要 Java 17 或更新版本；只需安装 JRE（如 Eclipse Temurin 17 JRE，https://adoptium.net/）。 1>&2
  )
  set "CODE=70"
  goto :end
)
rem The Java version: "1.8.0_401" is 8, "17.0.15" is 17, "21" is 21.
set "JV="
for /f "tokens=3" %%v in ('java -version 2^>^&1 ^| findstr /i "version"') do set "JV=%%~v"
set "JMAJ="
set "JMIN="
for /f "tokens=1,2 delims=._-" %%a in ("%JV%") do (
  set "JMAJ=%%a"
  set "JMIN=%%b"
)
if "%JMAJ%"=="1" set "JMAJ=%JMIN%"
rem A version it cannot read is let through: Java itself then says what is wrong.
if not defined JMAJ set "JMAJ=99"
if %JMAJ% LSS 17 (
  if defined EN (
    echo error: Java %JV% is too old. xxgk needs Java 17 or newer; a JRE is enough, e.g. Eclipse Temurin 17 JRE from https://adoptium.net/ ^(other programs may keep their own Java^) 1>&2
  ) else (
    echo 错误：Java 版本 %JV% 太旧。xxgk 需要 Java 17 或更新版本；只需安装 JRE（如 Eclipse Temurin 17 JRE，https://adoptium.net/），可与其他软件所用的旧版 Java 并存。 1>&2
  )
  set "CODE=70"
  goto :end
)
if not exist "%JAR%" if not exist "%HERE%pom.xml" (
  echo 错误：找不到 "%JAR%"：发布包不完整，请重新解压。 1>&2
  set "CODE=70"
  goto :end
)
if not exist "%JAR%" (
  echo xxgk: building on first use, this needs Maven and takes about a minute... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  popd
  if not exist "%JAR%" (
    set "CODE=70"
    goto :end
  )
)
rem Class-data sharing (release bundle only): an archive beside the jar, written on the first run where the folder allows it.
rem The option is quoted in CDS: the folder may have spaces in its name (C:\Program Files, a user name).
set "CDS="
if exist "%HERE%pom.xml" goto :run
if exist "%JAR%.jsa" (
  set CDS="-XX:SharedArchiveFile=%JAR%.jsa"
) else (
  copy nul "%JAR%.probe" >nul 2>nul && del "%JAR%.probe" >nul 2>nul && set CDS="-XX:ArchiveClassesAtExit=%JAR%.jsa"
)
:run
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %CDS% -Xshare:auto -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %XXGK_JAVA_OPTS% -jar "%JAR%" %*
set "CODE=%ERRORLEVEL%"
:end
if defined OLDCP chcp %OLDCP% >nul
exit /b %CODE%
