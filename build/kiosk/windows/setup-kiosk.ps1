#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Turns a Windows 10/11 Enterprise, Education or IoT laptop into an LBT kiosk: a dedicated local account whose
  shell is the LBT Kiosk app (Shell Launcher), no edge swipes, no sleep, and OS key combinations filtered.

.DESCRIPTION
  What Electron cannot block (Ctrl+Alt+Del, Windows key, Alt+Tab, edge swipes, sleep) is handled here.
  The app recognises the account by its name (lbt-kiosk) and reports it in the device check.
  Run from an elevated PowerShell after installing LBT Kiosk (per-machine NSIS installer).
  -Remove undoes the shell and keyboard settings (the account stays; delete it by hand if wanted).

.EXAMPLE
  .\setup-kiosk.ps1 -Password (Read-Host -AsSecureString 'Wachtwoord voor lbt-kiosk')
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [string] $AppPath = 'C:\Program Files\LBT Kiosk\lbt-kiosk.exe',
  [string] $Account = 'lbt-kiosk',
  [SecureString] $Password,
  [switch] $Remove
)

$ErrorActionPreference = 'Stop'

function Enable-Feature([string] $Name) {
  $feature = Get-WindowsOptionalFeature -Online -FeatureName $Name
  if ($feature.State -ne 'Enabled') {
    if ($PSCmdlet.ShouldProcess($Name, 'Enable Windows feature')) {
      Enable-WindowsOptionalFeature -Online -FeatureName $Name -All -NoRestart | Out-Null
      Write-Host "Feature $Name enabled; restart Windows and run this script again." -ForegroundColor Yellow
      exit 3010
    }
  }
}

function Set-Dword([string] $Path, [string] $Name, [int] $Value) {
  if (-not (Test-Path $Path)) { New-Item -Path $Path -Force | Out-Null }
  New-ItemProperty -Path $Path -Name $Name -Value $Value -PropertyType DWord -Force | Out-Null
}

# Shell Launcher and Keyboard Filter are optional Windows features (not in Home or Pro).
Enable-Feature 'Client-EmbeddedShellLauncher'
Enable-Feature 'Client-KeyboardFilter'

$shellLauncher = [wmiclass]'\\localhost\root\standardcimv2\embedded:WESL_UserSetting'
$RestartShell = 0

if ($Remove) {
  $sid = (Get-LocalUser -Name $Account).SID.Value
  $shellLauncher.RemoveCustomShell($sid) | Out-Null
  Get-CimInstance -Namespace root\standardcimv2\embedded -ClassName WEKF_PredefinedKey |
    Where-Object { $_.Enabled } | ForEach-Object { Set-CimInstance -InputObject $_ -Property @{ Enabled = $false } }
  Write-Host "Kiosk shell removed for $Account."
  exit 0
}

if (-not (Test-Path $AppPath)) { throw "LBT Kiosk not found at $AppPath. Install it first (per-machine installer)." }

# 1. The dedicated local account: a standard user, never an administrator.
$user = Get-LocalUser -Name $Account -ErrorAction SilentlyContinue
if (-not $user) {
  if (-not $Password) { throw "The account $Account does not exist yet: pass -Password." }
  $user = New-LocalUser -Name $Account -Password $Password -FullName 'LBT Kiosk' `
    -Description 'Kioskaccount voor de leerbaarheidstoets' -PasswordNeverExpires -UserMayNotChangePassword
  Add-LocalGroupMember -Group (Get-LocalGroup -SID 'S-1-5-32-545') -Member $Account
}
$sid = $user.SID.Value

# 2. Shell Launcher: the app is the whole shell for this account; if it exits, it is started again.
#    Everyone else keeps Explorer.
$shellLauncher.SetEnabled($true) | Out-Null
$shellLauncher.SetDefaultShell('explorer.exe', $RestartShell) | Out-Null
$shellLauncher.SetCustomShell($sid, "`"$AppPath`"", $null, $null, $RestartShell) | Out-Null

# 3. No edge swipes (Action Center, task view) and no lock screen in between.
Set-Dword 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI' 'AllowEdgeSwipe' 0
Set-Dword 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Personalization' 'NoLockScreen' 1

# 4. No sleep, no screen off, no hibernation while plugged in or on battery.
foreach ($setting in 'standby-timeout-ac', 'standby-timeout-dc', 'monitor-timeout-ac', 'monitor-timeout-dc',
  'hibernate-timeout-ac', 'hibernate-timeout-dc') {
  powercfg /change $setting 0 | Out-Null
}

# 5. Keyboard Filter: the combinations that never reach Electron. Administrators are exempt, so the afnemer's
#    support desk can still sign in with an admin account and Ctrl+Alt+Del.
$blocked = 'Ctrl+Alt+Del', 'Win+L', 'Alt+Tab', 'Ctrl+Esc', 'Alt+Esc', 'Ctrl+Shift+Esc', 'Windows', 'Alt+F4',
  'Win+Tab', 'Win+D', 'Win+E', 'Win+R', 'Win+A', 'Win+I'
foreach ($key in $blocked) {
  $predefined = Get-CimInstance -Namespace root\standardcimv2\embedded -ClassName WEKF_PredefinedKey |
    Where-Object { $_.Id -eq $key }
  if ($predefined) { Set-CimInstance -InputObject $predefined -Property @{ Enabled = $true } }
  else { Write-Warning "Keyboard Filter does not know '$key' on this Windows version." }
}

Write-Host "Done. Sign in as $Account: LBT Kiosk starts as the only program. Sign out with Ctrl+Alt+Del is blocked for this account; use an administrator account (Windows key 5x on the sign-in screen breaks out of the filter)."
