using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.People;

public static class PeoplePermissions
{
    public const string OwnAccount = "People.OwnAccount";
    public const string OwnRecord = "People.OwnRecord";
    public const string Org = "People.Org";
    public const string Persons = "People.Persons";
    public const string PersonDetails = "People.PersonDetails";
    public const string Accounts = "People.Accounts";
    public const string OwnData = "People.OwnData";
    public const string Corrections = "People.Corrections";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(OwnAccount, PeopleTexts.OwnAccountPermission, Roles.All),
        new(OwnRecord, PeopleTexts.OwnRecordPermission, [Roles.Trainee]),
        new(Org, PeopleTexts.OrgPermission, RoleSets.OrgStaff),
        new(Persons, PeopleTexts.PersonsPermission, RoleSets.OrgStaff),
        new(PersonDetails, PeopleTexts.PersonDetailsPermission, [.. RoleSets.OrgStaff, Roles.Trainee]),
        // Separation of duties (issue 16 §4): the city's accounts are the system administrator's, no longer the CityAdmin's;
        // townships and districts still open and reset the accounts of the units below them.
        new(Accounts, PeopleTexts.AccountsPermission, [Roles.TownshipStaff, Roles.DistrictStaff, Roles.SystemAdmin]),
        // PIPL Art. 45–46: a trainee sees, copies and asks to correct what is held about it; the staff above its village answer.
        new(OwnData, MyData.MyDataTexts.Permission, [Roles.Trainee]),
        new(Corrections, MyData.MyDataTexts.CorrectionsPermission, [Roles.TownshipStaff, Roles.DistrictStaff, Roles.CityAdmin]),
    ];
}
