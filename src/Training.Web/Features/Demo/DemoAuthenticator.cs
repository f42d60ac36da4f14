using OtpNet;

namespace Training.Web.Features.Demo;

/// <summary>
/// The demo's phone, for the browser tests and the benchmarks that sign in as <c>city</c> or a district: the code of
/// the demo key (<see cref="DemoData.AuthenticatorKey"/>, README) for the next time step this process has not used for
/// that account yet. The portal takes each code once, and a client may sign the same account in twice within 30 s:
/// the next step's code is taken then (the portal accepts one step ahead), and only a third waits. Never used by the portal.
/// </summary>
public static class DemoAuthenticator
{
    private static readonly Dictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> NextCodeAsync(string userName)
    {
        await Gate.WaitAsync();
        try
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = LastStep.TryGetValue(userName, out var last) ? Math.Max(now, last + 1) : now;
            while (step > DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + 1) await Task.Delay(500);
            LastStep[userName] = step;
            return new Totp(Base32Encoding.ToBytes(DemoData.AuthenticatorKey)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30 + 1).UtcDateTime);
        }
        finally
        {
            Gate.Release();
        }
    }
}
