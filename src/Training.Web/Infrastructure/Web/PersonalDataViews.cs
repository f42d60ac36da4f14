using Training.Core.Domain;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure.Web;

/// <summary>What one request showed whole of ID numbers and phones (counted by the tag helpers that draw them).</summary>
public sealed class PersonalDataShown
{
    public int IdNumbers { get; set; }
    public int Phones { get; set; }
}

/// <summary>
/// Every page or fragment that showed a full ID number or phone leaves one audit entry (issue 16 §5, PIPL Art. 51):
/// who, which page with its query, how many, from where. The tag helpers are the one place a number is drawn whole,
/// so no page can show one without it being recorded.
/// </summary>
public sealed class PersonalDataViews(RequestDelegate next)
{
    public async Task Invoke(HttpContext context, PersonalDataShown shown, CurrentUser me, AuditWriter audit, TimeProvider clock)
    {
        await next(context);
        if (shown.IdNumbers + shown.Phones == 0 || !me.IsSignedIn) return;
        var entry = new AuditEntry(me.UserName, CommonTexts.PersonalDataViewedAudit,
            CommonTexts.PersonalDataViewed(context.Request.Path + context.Request.QueryString, shown.IdNumbers, shown.Phones), clock.UtcNow());
        await audit.AddAsync(entry, context);
    }
}
