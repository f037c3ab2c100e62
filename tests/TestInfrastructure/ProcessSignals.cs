using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PartyPlatform.TestInfrastructure;

/// <summary>What tests ask of other processes: are they there, and please stop (SIGTERM, a clean shutdown).</summary>
public static class ProcessSignals
{
    private const int Sigterm = 15;

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <returns>false when the signal could not be sent (the process is gone).</returns>
    public static bool Terminate(int pid) => SendSignal(pid, Sigterm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
