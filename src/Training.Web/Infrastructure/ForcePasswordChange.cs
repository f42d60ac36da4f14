using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure;

/// <summary>After an administrator's reset the one-time password must be changed before anything else.</summary>
public sealed class ForcePasswordChange(RequestDelegate next)
{
    public Task Invoke(HttpContext context, CurrentUser user)
    {
        var path = context.Request.Path;
        if (user.IsSignedIn && user.MustChangePassword
            && !path.StartsWithSegments("/Account")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js")
            && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/_htmx"))
        {
            context.Response.Redirect("/Account/ChangePassword");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
