using System.Diagnostics;

namespace Sitrep.Tests.Support;

/// <summary>Runs the real <c>sitrep</c> command (the built sitrep.dll beside the tests) in a child process.</summary>
public static class SitrepProcess
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(StartInfo(workingDirectory, args));

    public static Result Run(ProcessStartInfo info, TimeSpan? timeout = null)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sitrep did not finish: " + string.Join(' ', info.ArgumentList));
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);
}
