namespace Training.Bench.Mixed;

/// <summary>A process's CPU time so far (user + system), read from /proc: null elsewhere or without a process id.</summary>
public static class ServerCpu
{
    public static TimeSpan? Read(int? pid)
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat")) return null;
        // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
