"""kind: social (a practice app): a feed of posts, a composer, privacy settings.

Keys follow the issue "Practice apps inside the lessons"; the extensions (task `react`,
`fake`, `alt`, `time`, `link`, `likes`, `comments`, photos with `alt` in the gallery,
the initial `settings`) are marked as such in their descriptions.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, NonNegativeInt, StrictBool, StringConstraints

from .base import FieldRule, Markdown, PracticeStep, Slug, Text, _Model

Task = Literal["post", "spot", "react", "settings"]
Audience = Literal["public", "friends", "only-me"]
OnOff = Literal["on", "off"]

AUDIENCES: tuple[str, ...] = ("public", "friends", "only-me")
# Every privacy setting of the app: its allowed values, and its value when the step
# does not give one (the usual, not very private, defaults of real apps).
SETTINGS: dict[str, tuple[str, ...]] = {
    "profile": AUDIENCES,
    "posts": AUDIENCES,
    "birthday": AUDIENCES,
    "tag_review": ("on", "off"),
    "location": ("on", "off"),
    "messages": ("everyone", "friends", "nobody"),
    "friend_requests": ("everyone", "friends-of-friends"),
}
SETTING_DEFAULTS: dict[str, str] = {
    "profile": "public",
    "posts": "public",
    "birthday": "public",
    "tag_review": "off",
    "location": "on",
    "messages": "everyone",
    "friend_requests": "everyone",
}

PhotoPath = Annotated[
    str,
    StringConstraints(min_length=1),
    Field(description="A picture file: a name in the pack's media/ folder (garden.jpg) "
                      "or a path inside the pack (media/photos/garden.jpg)"),
]


class Comment(_Model):
    "A comment already under a post (extension)."

    author: Text = Field(description="Who wrote the comment")
    text: Markdown = Field(description="What they wrote")


class Post(_Model):
    "A post in the feed. `scam` and `fake` are facts for the author: the app never shows them."

    id: Slug = Field(description="Unique in the feed; rules name posts by id "
                                 "(flagged: [p2], liked: [p1])")
    author: Text = Field(description="Who posted it: a person, a page or an advertiser")
    text: Markdown = Field(default="", description="The words of the post")
    image: PhotoPath | None = Field(default=None, description="A photo in the post: a name "
                                    "in the pack's media/ folder or a path inside the pack")
    alt: Text | None = Field(default=None, description="What the photo shows, for people who "
                             "cannot see it (extension; default: made from the file name)")
    link: Text | None = Field(default=None, description="A web address shown under the text "
                              "like a link preview, never clickable (extension)")
    time: Text | None = Field(default=None, description="When it was posted, as the app shows "
                              "it: '2 h', 'Yesterday' (extension)")
    likes: NonNegativeInt = Field(default=0, description="How many people already like it "
                                  "(extension)")
    comments: list[Comment] = Field(default_factory=list, description="Comments already under "
                                    "the post (extension)")
    sponsored: StrictBool = Field(default=False, description="A paid advert: the app shows "
                                  "the word 'Sponsored' under the author")
    scam: StrictBool = Field(default=False, description="A scam (never shown: what the senior "
                             "should spot)")
    fake: StrictBool = Field(default=False, description="False news (never shown: what the "
                             "senior should spot; extension)")


class Photo(_Model):
    "A photo of the gallery: a file name, or {src, alt} to say what it shows (extension)."

    src: PhotoPath
    alt: Text | None = Field(default=None, description="What the photo shows, said to the "
                             "senior and to screen readers (default: made from the file name)")


def _photo(value: Any) -> Any:
    "A gallery entry written as a plain file name means {src: name}."
    return {"src": value} if isinstance(value, str) else value


GalleryPhoto = Annotated[Photo, BeforeValidator(_photo, json_schema_input_type=PhotoPath | Photo)]


class Settings(_Model):
    "Privacy settings as the step starts (extension). Unset ones take the usual defaults."

    profile: Audience | None = Field(default=None, description="Who can see your profile "
                                     "(default public)")
    posts: Audience | None = Field(default=None, description="Who can see your future posts; "
                                   "also the composer's starting audience (default public)")
    birthday: Audience | None = Field(default=None, description="Who can see your date of "
                                      "birth (default public)")
    tag_review: OnOff | None = Field(default=None, description="Review posts you are tagged "
                                     "in before they show on your profile (default off)")
    location: OnOff | None = Field(default=None, description="Add where you are to your posts "
                                   "(default on)")
    messages: Literal["everyone", "friends", "nobody"] | None = Field(
        default=None, description="Who can send you private messages (default everyone)")
    friend_requests: Literal["everyone", "friends-of-friends"] | None = Field(
        default=None, description="Who can send you friend requests (default everyone)")


class SocialStep(PracticeStep):
    """A social media app. Tasks and the fields their rules may name:

    - post: write a post (text, photo, audience: public | friends | only-me)
    - spot: report the scams or false news of the feed (flagged: list of post ids)
    - react: like posts and comment on them (extension)
    - settings: set privacy settings (profile, posts, birthday, tag_review, location,
      messages, friend_requests)

    The feed tasks (post, spot, react) also know liked and commented (lists of post ids)
    and comment (the text of the senior's comments).
    """

    kind: Literal["social"]
    task: Task = Field(description="post | spot | react (extension) | settings")
    feed: list[Post] = Field(default_factory=list, description="The posts in the feed, "
                             "top first")
    gallery: list[GalleryPhoto] = Field(
        default_factory=list,
        description="Photos the senior can add to a post: file names (garden.jpg) or "
                    "{src, alt}; rules name them as written in src")
    settings: Settings | None = Field(default=None, description="Privacy settings as the "
                                      "step starts (extension)")
    expect: Annotated[dict[str, FieldRule], Field(min_length=1)] = Field(
        description="One rule per field; all must hold")
