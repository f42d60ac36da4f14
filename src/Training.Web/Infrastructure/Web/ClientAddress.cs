using System.Net;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// The client's address as the portal counts and records it (the sign-in gate, /Verify's limit, the audit trail):
/// what the connection says once the trusted proxies' forwarded headers were applied (<c>TrustedProxies</c>), an IPv4
/// address as IPv4 whether it came as such or inside IPv6 (a dual-stack listener hands it over as ::ffff:a.b.c.d), so
/// that one client is one count whichever way it connected; "unknown" where the host gives none.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context) => Text(context.Connection.RemoteIpAddress);

    public static string Text(IPAddress? address) =>
        address is null ? Unknown : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
