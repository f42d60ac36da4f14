using Hangfire;

namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// One subject of the portal (people, degree study, reserves, …): its folder under
/// <c>Features/</c> holds its pages, handlers, jobs and texts, and this class declares what the
/// rest of the app needs to know about it. <c>Program.cs</c> lists the modules; Infrastructure
/// loops over them and never names one.
/// </summary>
public abstract class TrainingModule
{
    /// <summary>The module's folder under <c>Features/</c>; it is not part of any URL.</summary>
    public abstract string Folder { get; }

    /// <summary>
    /// Where the module's page folders are served: each folder (relative to the module's own, ""
    /// for the module folder itself) maps to a URL prefix; the longest folder that contains a
    /// page decides. The default serves the module's folders at the root (Features/People/Persons → /Persons).
    /// </summary>
    public virtual IReadOnlyList<PageFolder> Pages => [new("", "/")];

    /// <summary>The module's named permissions; pages say <c>[Authorize(Policy = …)]</c> with their names.</summary>
    public virtual IReadOnlyList<Permission> Permissions => [];

    /// <summary>The module's entries in the main menu.</summary>
    public virtual IReadOnlyList<MenuEntry> Menu => [];

    /// <summary>Cards the module adds to the signed-in home page.</summary>
    public virtual IReadOnlyList<HomeCard> HomeCards => [];

    /// <summary>Command-line verbs the module answers (<c>Training.Web verb …</c>).</summary>
    public virtual IReadOnlyList<Verb> Verbs => [];

    /// <summary>Registers the module's services.</summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Registers the module's recurring jobs, each under a constant id.</summary>
    public virtual void AddRecurringJobs(IRecurringJobManager jobs) { }

    /// <summary>Runs once the database is migrated, before the site serves (not for verbs).</summary>
    public virtual Task PrepareAsync(WebApplication app) => Task.CompletedTask;
}

/// <summary>A page folder of a module and the URL prefix it is served at.</summary>
public sealed record PageFolder(string Folder, string Url);
