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
  set "CODE=4"
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
  set "CODE=4"
  goto :end
)
if not exist "%JAR%" if not exist "%HERE%pom.xml" (
  echo 错误：找不到 "%JAR%"：发布包不完整，请重新解压。 1>&2
  set "CODE=4"
  goto :end
)
if not exist "%JAR%" (
  echo xxgk: building on first use, this needs Maven and takes about a minute... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  popd
  if not exist "%JAR%" (
    set "CODE=4"
    goto :end
  )
)
rem Class-data sharing (release bundle only), as the Unix launcher does it: once, the classes a check, a
rem merge and a template of a bundled example load are listed and dumped into a static archive beside
rem the jar, keyed by the jar's size and time (a newer version unzipped over the old one makes its own);
rem every run then starts from it, its logging off (it wrote ~270 lines to stdout, breaking --format json).
rem The options are quoted whole: the folder may have spaces in its name (C:\Program Files, a user name).
set "CDS="
set "QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
if exist "%HERE%pom.xml" goto :run
set "JKEY="
for %%F in ("%JAR%") do set "JKEY=%%~zF %%~tF"
set "AKEY="
if exist "%JAR%.jsa.key" set /p AKEY=<"%JAR%.jsa.key"
if exist "%JAR%.jsa" if "%AKEY%"=="%JKEY%" goto :shared
del "%JAR%.jsa" "%JAR%.jsa.key" >nul 2>nul
set "SAMPLE=%HERE%examples\2023\上杭县人民政府办公室.xlsx"
if not exist "%SAMPLE%" goto :run
copy nul "%JAR%.probe" >nul 2>nul || goto :run
del "%JAR%.probe" >nul 2>nul
set "WARM=%TEMP%\xxgk-warm-%RANDOM%%RANDOM%"
mkdir "%WARM%" >nul 2>nul || goto :run
if defined EN (echo xxgk: first run, preparing a faster start ^(about ten seconds, once^)... 1>&2) else (echo xxgk：首次运行，正在准备快速启动（约十秒，只需一次）… 1>&2)
java -XX:+UseSerialGC -Xshare:off "-XX:DumpLoadedClassList=%WARM%\check.lst" -Dfile.encoding=UTF-8 -cp "%JAR%" io.xxgk.cli.Main check "%SAMPLE%" >nul 2>nul
java -XX:+UseSerialGC -Xshare:off "-XX:DumpLoadedClassList=%WARM%\merge.lst" -Dfile.encoding=UTF-8 -cp "%JAR%" io.xxgk.cli.Main merge "%SAMPLE%" -o "%WARM%\s.xlsx" >nul 2>nul
java -XX:+UseSerialGC -Xshare:off "-XX:DumpLoadedClassList=%WARM%\template.lst" -Dfile.encoding=UTF-8 -cp "%JAR%" io.xxgk.cli.Main template -o "%WARM%\t.xlsx" >nul 2>nul
java -XX:+UseSerialGC -cp "%JAR%" io.xxgk.cli.ClassListUnion "%WARM%\all.lst" "%WARM%\check.lst" "%WARM%\merge.lst" "%WARM%\template.lst" >nul 2>nul
java -XX:+UseSerialGC -Xshare:dump "-XX:SharedClassListFile=%WARM%\all.lst" "-XX:SharedArchiveFile=%JAR%.jsa" %QUIET% -cp "%JAR%" >nul 2>nul && (echo %JKEY%)>"%JAR%.jsa.key"
rmdir /s /q "%WARM%" >nul 2>nul
:shared
if exist "%JAR%.jsa" if exist "%JAR%.jsa.key" set CDS="-XX:SharedArchiveFile=%JAR%.jsa" %QUIET%
:run
if exist "%JAR%.jsa" (
  set CDS="-XX:SharedArchiveFile=%JAR%.jsa"
) else (
  copy nul "%JAR%.probe" >nul 2>nul && del "%JAR%.probe" >nul 2>nul && set CDS="-XX:ArchiveClassesAtExit=%JAR%.jsa"
)
:run
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %CDS% -Xshare:auto -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %XXGK_JAVA_OPTS% -cp "%JAR%" io.xxgk.cli.Main %*
set "CODE=%ERRORLEVEL%"
:end
if defined OLDCP chcp %OLDCP% >nul
exit /b %CODE%
