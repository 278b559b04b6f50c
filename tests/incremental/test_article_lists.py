"""Article lists answer ``in`` by identity in constant time, and stay right when changed."""

from newsarchive.incremental.article_lists import ArticleList


class Article:
    pass


def test_in_is_identity_not_equality():
    one, other = Article(), Article()
    articles = ArticleList([one])
    assert one in articles
    assert other not in articles


def test_membership_follows_appends_and_removals():
    one, other = Article(), Article()
    articles = ArticleList([one])
    articles.append(other)
    assert other in articles
    articles.remove(one)
    assert one not in articles
    assert list(articles) == [other]


def test_pelicans_date_pick_gives_the_same_list():
    dates = [Article() for _ in range(50)]
    members = dates[::3]
    assert [a for a in dates if a in ArticleList(members)] == [a for a in dates if a in members]


def test_membership_follows_a_replaced_item():
    one, other = Article(), Article()
    articles = ArticleList([one])
    assert one in articles
    articles[0] = other
    assert other in articles and one not in articles
    articles += [one]
    assert one in articles
