namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// A card on the signed-in home page: the view component <paramref name="Component"/> is drawn
/// for the roles holding <paramref name="Permission"/>, cards sorted by <paramref name="Order"/>.
/// </summary>
public sealed record HomeCard(Type Component, string Permission, int Order);
