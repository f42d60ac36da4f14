using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

/// <summary>Where a person stands in the 2019 education figures.</summary>
internal enum EduCategory
{
    Unplanned,
    Graduate, // graduated (大专) by D
    Studying, // admitted by D, not graduated by D
    Higher,   // recorded 大专 or higher, no study by D
    Lower,    // recorded below 大专, no study by D
}
