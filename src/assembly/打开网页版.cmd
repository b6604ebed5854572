@echo off
rem Double-click to use xxgk without typing: starts the web page and opens it in the browser.
rem The window stays open while the page runs; closing it (or Ctrl-C) stops the page.
chcp 65001 >nul
title xxgk 网页版（关闭此窗口即停止）
call "%~dp0xxgk.cmd" web
if errorlevel 1 (
  echo.
  echo 网页版没有启动成功，原因见上面的说明。按任意键关闭窗口。
  pause >nul
)
