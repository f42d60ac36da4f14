using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Tests.Http;

/// <summary>
/// Headers and proxies (issue 16 §8): over HTTPS every cookie is __Host- and Secure and one without the prefix is not
/// read; forwarded headers are believed from the loopback and configured proxies only; HSTS covers the subdomains;
/// Kestrel names itself nowhere (the browser journeys check the real server's answer).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TransportSecurityTests(AppFixture app)
{
    [Fact]
    public async Task Should_set_every_cookie_with_the_Host_prefix_Secure_for_the_whole_site_over_https()
    {
        var client = app.AnonymousOverHttps();
        using var form = await client.GetAsync("/Account/Login");
        var token = (await form.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "township-440111103", ["Input.Password"] = AppFixture.DemoPassword, ["__RequestVerificationToken"] = token,
        }));

        var cookies = SetCookies(form).Concat(SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-training.af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-training.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith(HostPrefixedCookies.Prefix, c);
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode); // the prefixed cookie is read back
    }

    [Fact]
    public async Task Should_not_read_a_sign_in_cookie_without_the_prefix_over_https()
    {
        var (_, value) = await app.SignInWithCookieAsync("township-440111103");
        var client = app.AnonymousOverHttps();

        using var tossed = new HttpRequestMessage(HttpMethod.Get, "/");
        tossed.Headers.Add("Cookie", $"{AppFixture.AuthCookieName}={value}");
        using var refused = await client.SendAsync(tossed);
        using var prefixed = new HttpRequestMessage(HttpMethod.Get, "/");
        prefixed.Headers.Add("Cookie", $"{HostPrefixedCookies.Prefix}{AppFixture.AuthCookieName}={value}");
        using var read = await client.SendAsync(prefixed);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.9", "training.af=")]        // an outsider writing X-Forwarded-Proto itself: still plain HTTP
    [InlineData("127.0.0.1", "__Host-training.af=")]   // the proxy on this machine: believed
    public async Task Should_believe_forwarded_headers_only_from_a_trusted_proxy(string remote, string cookieStart)
    {
        var context = await app.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            c.Request.Method = "GET";
            c.Request.Path = "/Account/Login";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith(cookieStart, context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void Should_add_configured_proxies_and_networks_to_the_loopback()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies:0"] = "172.30.0.10",
            ["ReverseProxy:KnownNetworks:0"] = "10.20.0.0/16",
        }).Build();
        var options = new ForwardedHeadersOptions();

        TrustedProxies.Configure(options, configuration);

        Assert.Contains(IPAddress.Parse("172.30.0.10"), options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("10.20.3.4")));
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
        Assert.DoesNotContain(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("203.0.113.9")));
    }

    [Fact]
    public void Should_send_HSTS_for_a_year_with_the_subdomains_and_no_Server_header()
    {
        var hsts = app.Services.GetRequiredService<IOptions<HstsOptions>>().Value;
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.True(hsts.IncludeSubDomains);
        Assert.True(hsts.MaxAge >= TimeSpan.FromDays(365));
        Assert.False(kestrel.AddServerHeader);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
