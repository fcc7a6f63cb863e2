# Install sipgen into .venv on Windows (PowerShell), as scripts/setup does on Linux and macOS.
#   scripts\setup.ps1          sipgen itself
#   scripts\setup.ps1 -Test    plus what its tests need (LibreOffice and a browser are optional here:
#                              install them yourself, see the README's Windows section)
# Safe to run again: it only adds what is missing.
param([switch]$Test)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

# The py launcher picks the newest Python 3 installed; fall back to python on PATH.
$python = if (Get-Command py -ErrorAction SilentlyContinue) { @("py", "-3") } else { @("python") }
if (-not (Test-Path ".venv\Scripts\python.exe")) {
    & $python[0] $python[1..($python.Length - 1)] -m venv .venv
}
$venvPython = ".venv\Scripts\python.exe"
& $venvPython -m pip install -q --disable-pip-version-check --upgrade pip | Out-Null
if ($Test) {
    & $venvPython -m pip install -q --disable-pip-version-check -e ".[test]"
} else {
    & $venvPython -m pip install -q --disable-pip-version-check -e .
}
if ($LASTEXITCODE -ne 0) { throw "pip could not install sipgen (exit $LASTEXITCODE)" }
Write-Output "sipgen is installed in .venv: run .venv\Scripts\sipgen --help, and .venv\Scripts\sipgen doctor"
