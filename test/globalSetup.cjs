// The union works in Beijing time and Apps Script runs with timeZone Asia/Shanghai (appsscript.json).
module.exports = async () => {
  process.env.TZ = 'Asia/Shanghai';
};
