<#
.SYNOPSIS
    Builds, tests, previews or cleans the Chengdu–Chongqing Cooperation Atlas.
.DESCRIPTION
    A thin wrapper over the same dotnet commands the README gives, for editors on Windows or anyone with PowerShell.
    Uses only .NET calls and native commands, so it also runs in a minimal PowerShell host.
.EXAMPLE
    ./build.ps1 build
    ./build.ps1 test
    ./build.ps1 serve -Port 8080
    ./build.ps1 clean
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'serve', 'clean')]
    [string] $Task = 'build',

    # Output folder for build (default: site.yml's output, public/).
    [string] $Output,

    # Base URL override for build, e.g. https://host/atlas/.
    [string] $BaseUrl,

    # Port for serve.
    [ValidateRange(1, 65535)]
    [int] $Port = 8080,

    # Treat warnings as errors.
    [switch] $Strict
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
if (-not $root) { $root = [System.IO.Directory]::GetCurrentDirectory() }
$cli = [System.IO.Path]::Combine($root, 'src', 'Atlas.Cli')

# Runs a native command and stops with its exit code if it fails, so CI sees the failure.
function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $Command,
        [string[]] $Arguments = @()
    )
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        exit $LASTEXITCODE
    }
}

switch ($Task) {
    'build' {
        $arguments = @('run', '--project', $cli, '--', 'build', '--site', $root)
        if ($Output) { $arguments += @('--output', $Output) }
        if ($BaseUrl) { $arguments += @('--base-url', $BaseUrl) }
        if ($Strict) { $arguments += '--strict' }
        Invoke-Native -Command 'dotnet' -Arguments $arguments
    }
    'test' {
        Invoke-Native -Command 'dotnet' -Arguments @('test', [System.IO.Path]::Combine($root, 'Atlas.slnx'))
    }
    'serve' {
        Invoke-Native -Command 'dotnet' -Arguments @('run', '--project', $cli, '--', 'serve', '--site', $root, '--port', "$Port")
    }
    'clean' {
        foreach ($folder in @('public', '.public.staging', '.public.old')) {
            $path = [System.IO.Path]::Combine($root, $folder)
            if ([System.IO.Directory]::Exists($path)) {
                [System.IO.Directory]::Delete($path, $true)
                [System.Console]::WriteLine("removed $folder")
            }
        }
    }
}
