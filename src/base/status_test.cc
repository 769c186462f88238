// Tests for base/status.h.
#include "base/status.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidInput("odd: " + std::to_string(x));
  return x / 2;
}

Status Chain(int x) {
  DOSSIER_RETURN_IF_ERROR(Half(x).status());
  return Status::OK();
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::OK().ok());
  EXPECT_EQ(Status::OK().ToString(), "OK");
  Status s = Status::NotFound("article abc");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.ToString(), "not found: article abc");
}

TEST(ResultTest, ValueOrStatus) {
  Result<int> a = Half(8);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, 4);
  Result<int> b = Half(3);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message(), "odd: 3");
  EXPECT_FALSE(Chain(5).ok());
}

TEST(ResultTest, OkStatusWithoutValueIsAnInternalError) {
  Result<int> r{Status::OK()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInternal);
}

}  // namespace
}  // namespace dossier
