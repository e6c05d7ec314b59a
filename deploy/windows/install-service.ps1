# reformdash as a Windows service with NSSM (https://nssm.cc, one nssm.exe, no installer), plus a nightly backup
# task. Run in an elevated PowerShell from the code folder (C:\reformdash). See README «Windows».
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install-service.ps1
param(
    [string]$Code = "C:\reformdash",
    [string]$Data = "C:\ProgramData\reformdash",       # the database lives outside the code folder
    [string]$Backups = "D:\SaoLuu\reformdash",
    [int]$KeepDays = 30,
    [string]$Nssm = "C:\Tools\nssm\nssm.exe",
    [int]$Port = 8501
)
$ErrorActionPreference = "Stop"
New-Item -ItemType Directory -Force -Path $Data, $Backups | Out-Null
# Only SYSTEM and Administrators may read the database folder (it holds password hashes).
icacls $Data /inheritance:r /grant:r "SYSTEM:(OI)(CI)F" "Administrators:(OI)(CI)F" | Out-Null

$python = Join-Path $Code ".venv\Scripts\python.exe"
& $Nssm install reformdash $python "-m streamlit run serve.py --server.address 127.0.0.1 --server.port $Port --server.headless true --browser.gatherUsageStats false"
& $Nssm set reformdash AppDirectory $Code
& $Nssm set reformdash AppEnvironmentExtra "REFORMDASH_DB=$Data\reformdash.duckdb" "PYTHONUNBUFFERED=1"
& $Nssm set reformdash DisplayName "reformdash - Chi so CCHC"
& $Nssm set reformdash Start SERVICE_AUTO_START
& $Nssm set reformdash AppExit Default Restart          # restart on failure
& $Nssm set reformdash AppRestartDelay 5000
& $Nssm set reformdash AppStopMethodConsole 30000       # Ctrl+C first: DuckDB checkpoints on a clean stop
& $Nssm set reformdash AppStdout "$Data\reformdash.log"
& $Nssm set reformdash AppStderr "$Data\reformdash.log"
& $Nssm set reformdash AppRotateFiles 1
& $Nssm set reformdash AppRotateBytes 10485760
& $Nssm start reformdash

# Nightly backup at 01:30, kept $KeepDays days, as SYSTEM (works while the dashboard runs).
$backup = Join-Path $Code "deploy\windows\backup.ps1"
$action = New-ScheduledTaskAction -Execute "powershell.exe" -Argument "-NoProfile -ExecutionPolicy Bypass -File `"$backup`" -Code `"$Code`" -Db `"$Data\reformdash.duckdb`" -Backups `"$Backups`" -KeepDays $KeepDays"
$trigger = New-ScheduledTaskTrigger -Daily -At 01:30
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 2)
Register-ScheduledTask -TaskName "reformdash-backup" -Action $action -Trigger $trigger -Settings $settings -User "SYSTEM" -RunLevel Highest -Force | Out-Null
Write-Host "reformdash: service started on http://127.0.0.1:$Port ; nightly backup task registered."
Write-Host "Check:  & `"$python`" -m reformdash --db `"$Data\reformdash.duckdb`" doctor --url http://127.0.0.1:$Port"
