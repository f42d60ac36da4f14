using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Training.Core.Domain;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Every audit entry a request adds carries the client's address (等保 8.1.4.3), whichever of the many places wrote
/// it: the address is set here, as the entries are saved, from the request being served (<see cref="ClientAddress"/>).
/// Entries of the command line and of background jobs have none.
/// </summary>
public sealed class AuditSources(IHttpContextAccessor http) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null || http.HttpContext is not { } request) return;
        // Entries<T>() would detect changes across everything tracked, which SaveChanges does again right after (an
        // import tracks tens of thousands of rows). Audit entries are added to their set directly and have no
        // navigation that could add one, so they are already known as Added without it.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<AuditEntry>())
                if (entry.State == EntityState.Added) entry.Entity.ComesFrom(ClientAddress.Of(request));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
