@echo off
rem Starts the Dora workbench. Needs Java 21+: %JAVA_HOME% if set, else java on the PATH.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%f"
"%JAVA%" -Dosgi.requiredJavaVersion=21 %DORA_VMARGS% -jar "%LAUNCHER%" -install "%HERE%." -name "Dora Workbench" %*
