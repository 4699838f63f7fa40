from django.db import models


class PageCacheGeneration(models.Model):
    """The page cache's generation number: one row, part of every cached page's key.

    Kept in the database rather than in the cache so that every worker process sees a publish on
    its next request whatever the cache backend (the per-process memory cache included), and so
    that the new number becomes visible exactly when the publishing transaction commits, together
    with the new content.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return str(self.value)
