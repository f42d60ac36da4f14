namespace Training.Core.Domain;

/// <summary>One line of the district quota form: the district, its quota, and how many it has already admitted in the cohort.</summary>
public sealed record QuotaAssignment(OrgUnit District, int Quota, int Admitted = 0);
