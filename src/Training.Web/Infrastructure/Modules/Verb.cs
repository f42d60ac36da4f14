namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// A command-line verb: <c>Training.Web <paramref name="Name"/> …</c> runs <paramref name="Run"/>
/// with the app's services and the arguments after the verb, instead of serving; its exit code is returned.
/// </summary>
public sealed record Verb(string Name, string Usage, Func<IServiceProvider, string[], Task<int>> Run);
