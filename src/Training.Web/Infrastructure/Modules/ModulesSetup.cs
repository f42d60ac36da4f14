using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Infrastructure.Modules;

public static class ModulesSetup
{
    /// <summary>
    /// Registers every module's services, one authorization policy per declared permission, and
    /// the page-folder URLs; the catalog answers the menu, the home page and the verbs.
    /// </summary>
    public static WebApplicationBuilder AddTrainingModules(this WebApplicationBuilder builder, IReadOnlyList<TrainingModule> modules)
    {
        var catalog = new ModuleCatalog(modules);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddScoped<MainMenu>();
        foreach (var module in modules) module.AddServices(builder.Services, builder.Configuration);
        builder.Services.AddAuthorization(o =>
        {
            foreach (var p in catalog.Permissions) o.AddPolicy(p.Name, b => b.RequireRole(p.Roles));
        });
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new ModuleRoutes(modules)));
        return builder;
    }

    /// <summary>
    /// A module folder is not part of a URL: Features/Reserves/Mentoring/Detail is served at
    /// /Mentoring/Detail because the Reserves module maps its Mentoring folder there. Bookmarks made
    /// before the modules existed keep working, and a module chooses its URLs in one place.
    /// </summary>
    private sealed class ModuleRoutes(IReadOnlyList<TrainingModule> modules) : IPageRouteModelConvention
    {
        public void Apply(PageRouteModel model)
        {
            var path = model.ViewEnginePath.Trim('/');
            var module = modules.FirstOrDefault(m => IsUnder(path, m.Folder))
                ?? throw new InvalidOperationException($"Page {model.ViewEnginePath} is not inside a module folder.");
            var inModule = path.Length == module.Folder.Length ? "" : path[(module.Folder.Length + 1)..];
            var folder = module.Pages
                .Where(f => f.Folder.Length == 0 || IsUnder(inModule, f.Folder))
                .MaxBy(f => f.Folder.Length)
                ?? throw new InvalidOperationException($"Page {model.ViewEnginePath} is in no page folder of module {module.Folder}.");
            var from = folder.Folder.Length == 0 ? module.Folder : module.Folder + "/" + folder.Folder;
            var to = folder.Url.Trim('/');
            foreach (var selector in model.Selectors)
            {
                var route = selector.AttributeRouteModel;
                if (route?.Template is not { } template || !IsUnder(template, from)) continue;
                var rest = template.Length == from.Length ? "" : template[(from.Length + 1)..];
                route.Template = to.Length == 0 ? rest : rest.Length == 0 ? to : to + "/" + rest;
            }
        }

        private static bool IsUnder(string path, string folder) =>
            path.Equals(folder, StringComparison.OrdinalIgnoreCase)
            || (path.StartsWith(folder, StringComparison.OrdinalIgnoreCase) && path.Length > folder.Length && path[folder.Length] == '/');
    }
}
