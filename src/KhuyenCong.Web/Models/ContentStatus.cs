namespace KhuyenCong.Web.Models;

public enum ContentStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
    Archived = 3,
}
