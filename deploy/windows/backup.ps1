# One backup of the reformdash database, keeping $KeepDays days (run nightly by the "reformdash-backup" task).
param(
    [string]$Code = "C:\reformdash",
    [string]$Db = "C:\ProgramData\reformdash\reformdash.duckdb",
    [string]$Backups = "D:\SaoLuu\reformdash",
    [int]$KeepDays = 30
)
$ErrorActionPreference = "Stop"
New-Item -ItemType Directory -Force -Path $Backups | Out-Null
$file = Join-Path $Backups ("reformdash-{0:yyyy-MM-dd_HHmm}.zip" -f (Get-Date))
& (Join-Path $Code ".venv\Scripts\python.exe") -m reformdash --db $Db backup $file
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Get-ChildItem $Backups -Filter "reformdash-*.zip" |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$KeepDays) -and $_.FullName -ne $file } |
    Remove-Item
