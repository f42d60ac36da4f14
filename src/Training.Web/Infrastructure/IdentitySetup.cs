using Microsoft.AspNetCore.DataProtection;
using Training.Web.Infrastructure.Keys;
using Microsoft.AspNetCore.Identity;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure;

public static class IdentitySetup
{
    public static WebApplicationBuilder AddTrainingIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                // 3 of 4 classes, 12 characters for staff, the common list: PasswordRules.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TrainingDbContext>()
            .AddUserStore<AppUserStore>()
            .AddDefaultTokenProviders()
            // After the defaults: replaces Identity's authenticator provider with one that takes a code once.
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.Name)
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>()
            .AddSignInManager<AppSignInManager>();

        // SessionCookieEvents compares the security stamp on every request; this validator's
        // interval only says how often the claims are rebuilt from the account (scope, role).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionClaims.KeepSignInTime;
        });
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<SessionCookieEvents.Known>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "training.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SessionLifetime.Idle;
            o.SlidingExpiration = true;
            // Replaces Identity's events (whose only hook, the stamp validator, SessionCookieEvents calls).
            o.EventsType = typeof(SessionCookieEvents);
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
        });

        // Keys in the database so that every web node can read every node's cookies; encrypted there with a
        // certificate kept outside it (issue 16 §1).
        var certificates = DataProtectionCertificates.Load(builder.Configuration, builder.Environment);
        services.AddDataProtection()
            .SetApplicationName("Training")
            .PersistKeysToDbContext<TrainingDbContext>()
            .ProtectKeysWithCertificate(certificates.Current)
            // Decrypts with these certificates themselves: on Linux there is no certificate store to look them up in.
            .UnprotectKeysWithAnyCertificate(certificates.Readable);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddScoped<CurrentUser>();
        return builder;
    }
}
