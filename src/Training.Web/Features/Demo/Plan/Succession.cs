using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal sealed record Succession(PostType Type, DateOnly Start);
