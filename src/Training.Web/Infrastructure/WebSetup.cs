using Htmx.TagHelpers;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.WebEncoders;

namespace Training.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddTrainingWeb(this WebApplicationBuilder builder)
    {
        // Every page names its permission ([Authorize(Policy = …)]) or says [AllowAnonymous];
        // the fallback policy refuses anonymous visitors anywhere else.
        builder.Services.AddRazorPages()
        // One folder per module: pages, handlers, partials and jobs live together under Features/.
        .WithRazorPagesRoot("/Features")
        .AddMvcOptions(o =>
        {
            o.Filters.Add<UnknownHandlerFilter>();
            o.Filters.Add<DomainExceptionFilter>();
        });
        // Write Chinese as characters, not &#x...; escapes: pages stay readable and half the size.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Data.FiguresMemo.Store>();
        builder.Services.AddScoped<Data.FiguresMemo>();
        builder.Services.AddScoped<Data.RequestStamps>();
        builder.Services.AddScoped<Web.PersonalDataShown>();
        builder.Services.AddSingleton<Data.AuditWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Data.AuditWriter>());
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "training.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The flash message's cookie named as the others, so that HostPrefixedCookies treats every cookie alike.
        builder.Services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.Name = "training.flash");
        builder.Services.Configure<ForwardedHeadersOptions>(o => Web.TrustedProxies.Configure(o, builder.Configuration));
        // A year, the portal's subdomains included (the department's other sites are HTTPS too): 等保 asks for
        // transport protection everywhere, and a subdomain on HTTP could otherwise toss cookies.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // No "Server: Kestrel": nothing tells an outsider which server to look up vulnerabilities for.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseTrainingPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // After the forwarded scheme is known, before anything reads a cookie.
        app.UseMiddleware<Web.HostPrefixedCookies>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = StaticContentTypes() });
        app.UseRouting();
        if (DatabaseSetup.Provider(app.Configuration) == DatabaseProvider.Sqlite) app.UseMiddleware<Data.SqliteConnectionPerRequest>();
        app.UseAuthentication();
        app.UseMiddleware<AccountObligations>();
        app.UseAuthorization();
        app.UseMiddleware<Web.PersonalDataViews>();
        // Endpoints that name a rate-limiting policy (a module's AddRateLimiter) are limited; others are not.
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The usual types, and those of the vendored PDF viewer: its ES modules and the character maps Chinese PDFs need.</summary>
    private static FileExtensionContentTypeProvider StaticContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".bcmap"] = "application/octet-stream";
        return types;
    }

    public static WebApplication MapTrainingPages(this WebApplication app)
    {
        app.MapHtmxAntiforgeryScript().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
