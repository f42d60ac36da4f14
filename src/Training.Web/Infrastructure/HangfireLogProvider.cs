using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Training.Web.Infrastructure;

/// <summary>
/// Hangfire's logging through the host's logger factory, and silent once that factory is gone. Hangfire keeps
/// one log provider for the whole process (a static, set by the last host built): where several hosts come and
/// go in one process (the tests), a disposed host's factory made every first enqueue of a job type throw
/// (ObjectDisposedException from Hangfire's attribute cache creating its logger) and the page answer 500.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(factory);

    public ILog GetLogger(string name)
    {
        try { return inner.GetLogger(name); }
        catch (ObjectDisposedException) { return Silent.Instance; }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
