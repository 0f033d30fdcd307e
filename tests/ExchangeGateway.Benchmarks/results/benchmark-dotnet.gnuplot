$d1024_direct << EOD
1 6421.603 0.267
16 30141.624 1.772
64 37229.04 4.49
EOD
$d1024_proxy_pair << EOD
1 2510.532 0.644
16 7391.767 4.496
64 8017.685 14.915
EOD
$d1024_gateway_pair << EOD
1 287.928 6.832
16 1705.585 19.347
64 2672.491 43.239
EOD
$d65536_direct << EOD
1 1278.139 1.414
16 3048.567 9.342
64 2609.494 35.717
EOD
$d65536_proxy_pair << EOD
1 710.354 2.264
16 1210.779 21.97
64 1332.934 84.146
EOD
$d65536_gateway_pair << EOD
1 200.626 9.192
16 576.861 45.059
64 689.088 127.29
EOD
$d1048576_direct << EOD
1 125.973 17.022
16 177.948 176.351
64 141.258 789.167
EOD
$d1048576_proxy_pair << EOD
1 66.649 25.258
16 98.349 225.993
64 103.362 832.954
EOD
$d1048576_gateway_pair << EOD
1 28.99 60.001
16 51.621 522.367
64 51.258 2169.54
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/fullbench/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
