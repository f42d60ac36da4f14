using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// Whose X-Forwarded-For / X-Forwarded-Proto the portal believes: the loopback (a proxy on the same machine) and the
/// addresses and networks configured under <c>ReverseProxy</c> (docker-compose names its nginx). From anyone else the
/// headers are ignored: a client that writes <c>X-Forwarded-For</c> itself must not choose the source address the
/// audit records and the sign-in throttle counts, nor make a plain-HTTP request pass for HTTPS.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ReverseProxy";

    public static void Configure(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework's defaults (127.0.0.0/8 and ::1) stay; configured proxies are added to them.
        foreach (var address in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(IPAddress.Parse(address));
        foreach (var network in configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
